using System.Text.Json;

namespace Monitor.Records;

/// <summary>
/// The shapes a CloudTrail input can take, recognized token by token: <c>{"Records":[...]}</c> (S3 delivery;
/// other root properties ignored), a bare array of records (Stratus detonation logs), one record, or an
/// EventBridge event whose <c>detail</c> is the record.
/// </summary>
internal sealed partial class RecordScanner
{
    private Phase _phase;
    private int _elementDepth;
    private int _recordNumber;
    private bool _skippingElement;

    // Root object bookkeeping: which root properties were seen, and where the EventBridge detail lies.
    private RootProperty _pendingProperty;
    private bool _sawDetailType;
    private bool _sawRecordField;
    private bool _inDetail;
    private int _detailStart = -1;
    private int _detailLength;

    private enum Phase
    {
        Start,
        RootObject,
        RecordsArray,
        RootArray,
        AfterRecords,
        Done,
    }

    private enum RootProperty
    {
        None,
        Records,
        Detail,
        Other,
    }

    private void OnToken(ref Utf8JsonReader reader, int origin, List<ScannedRecord> found)
    {
        CheckEscapes(ref reader);
        switch (_phase)
        {
            case Phase.Start:
                OnRoot(ref reader, origin);
                break;
            case Phase.RootObject:
                OnRootObjectToken(ref reader, origin, found);
                break;
            case Phase.RecordsArray:
            case Phase.RootArray:
                OnElementToken(ref reader, origin, found);
                break;
            case Phase.AfterRecords when reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0:
                _phase = Phase.Done;
                break;
            default:
                break;
        }
    }

    private void OnRoot(ref Utf8JsonReader reader, int origin)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                _phase = Phase.RootObject;
                _keepFrom = origin + (int)reader.TokenStartIndex;
                break;
            case JsonTokenType.StartArray:
                _phase = Phase.RootArray;
                _elementDepth = 1;
                break;
            default:
                throw Invalid($"the root is {Describe(reader.TokenType)}, not a CloudTrail log, record or event");
        }
    }

    private void OnRootObjectToken(ref Utf8JsonReader reader, int origin, List<ScannedRecord> found)
    {
        var depth = reader.CurrentDepth;
        var token = reader.TokenType;
        if (depth == 1 && token == JsonTokenType.PropertyName)
        {
            _pendingProperty = NameRootProperty(ref reader);
        }
        else if (depth == 1 && _pendingProperty != RootProperty.None)
        {
            OnRootPropertyValue(token, origin + (int)reader.TokenStartIndex);
        }
        else if (depth == 1 && _inDetail && token == JsonTokenType.EndObject)
        {
            _inDetail = false;
            _detailLength = origin + (int)reader.BytesConsumed - _detailStart;
        }
        else if (depth == 0 && token == JsonTokenType.EndObject)
        {
            OnRootObjectEnd(origin + (int)reader.BytesConsumed, found);
        }
    }

    private RootProperty NameRootProperty(ref Utf8JsonReader reader)
    {
        // ValueTextEquals unescapes the name first and throws on a lone surrogate; such a name is none of these anyway.
        if (reader.ValueIsEscaped && LoneSurrogate.IndexIn(reader.ValueSpan) >= 0)
        {
            return RootProperty.Other;
        }

        if (reader.ValueTextEquals("Records"u8))
        {
            return RootProperty.Records;
        }

        if (reader.ValueTextEquals("detail"u8))
        {
            return RootProperty.Detail;
        }

        if (reader.ValueTextEquals("detail-type"u8))
        {
            _sawDetailType = true;
        }
        else if (reader.ValueTextEquals("eventTime"u8) || reader.ValueTextEquals("eventName"u8) || reader.ValueTextEquals("eventSource"u8)
            || reader.ValueTextEquals("eventVersion"u8) || reader.ValueTextEquals("userIdentity"u8) || reader.ValueTextEquals("eventID"u8))
        {
            _sawRecordField = true;
        }

        return RootProperty.Other;
    }

    private void OnRootPropertyValue(JsonTokenType token, int tokenStart)
    {
        var property = _pendingProperty;
        _pendingProperty = RootProperty.None;
        if (property == RootProperty.Records)
        {
            if (token != JsonTokenType.StartArray)
            {
                throw Invalid($"\"Records\" is {Describe(token)}, not an array");
            }

            // From here on only the current record is kept: the root object is known to be a log file.
            _phase = Phase.RecordsArray;
            _elementDepth = 2;
            _keepFrom = -1;
        }
        else if (property == RootProperty.Detail && token == JsonTokenType.StartObject)
        {
            _inDetail = true;
            _detailStart = tokenStart;
        }
    }

    private void OnRootObjectEnd(int end, List<ScannedRecord> found)
    {
        _phase = Phase.Done;
        var start = _keepFrom;
        _keepFrom = -1;
        _recordNumber = 1;
        if (_sawDetailType)
        {
            if (_detailStart < 0)
            {
                throw Invalid("an EventBridge event without a \"detail\" object");
            }

            found.Add(Checked(ScannedRecord.Complete(1, _detailStart, _detailLength, _detailHasLoneSurrogate)));
        }
        else if (_sawRecordField)
        {
            found.Add(Checked(ScannedRecord.Complete(1, start, end - start, _rootHasLoneSurrogate)));
        }
        else
        {
            throw Invalid("unknown JSON shape: expected {\"Records\":[...]}, an array of records, one record, or an EventBridge event");
        }
    }

    private void OnElementToken(ref Utf8JsonReader reader, int origin, List<ScannedRecord> found)
    {
        var depth = reader.CurrentDepth;
        var token = reader.TokenType;
        if (_keepFrom >= 0)
        {
            if (depth == _elementDepth && token == JsonTokenType.EndObject)
            {
                found.Add(Checked(ScannedRecord.Complete(_recordNumber, _keepFrom, origin + (int)reader.BytesConsumed - _keepFrom, _recordHasLoneSurrogate)));
                _keepFrom = -1;
                _recordHasLoneSurrogate = false;
            }
        }
        else if (_skippingElement)
        {
            _skippingElement = !(depth == _elementDepth && token == JsonTokenType.EndArray);
        }
        else if (depth == _elementDepth - 1 && token == JsonTokenType.EndArray)
        {
            _phase = _phase == Phase.RecordsArray ? Phase.AfterRecords : Phase.Done;
        }
        else
        {
            _recordNumber++;
            if (token == JsonTokenType.StartObject)
            {
                _keepFrom = origin + (int)reader.TokenStartIndex;
                return;
            }

            _skippingElement = token == JsonTokenType.StartArray;
            found.Add(ScannedRecord.NotAnObject(_recordNumber, Describe(token)));
        }
    }

    private ScannedRecord Checked(ScannedRecord record)
    {
        if (record.Length > maxRecordBytes)
        {
            throw Invalid($"record {record.Number} is larger than the {maxRecordBytes:N0}-byte record limit");
        }

        return record;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
