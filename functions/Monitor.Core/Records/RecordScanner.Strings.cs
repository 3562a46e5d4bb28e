using System.Text.Json;

namespace Monitor.Records;

/// <summary>
/// Notes which records hold a string that cannot be decoded (a lone surrogate escape), while the scanner tokenizes
/// them anyway, so the reader can reject such a record without parsing it twice.
/// </summary>
internal sealed partial class RecordScanner
{
    // Whether the record being collected, the root object (one record) or the EventBridge detail holds one.
    private bool _recordHasLoneSurrogate;
    private bool _rootHasLoneSurrogate;
    private bool _detailHasLoneSurrogate;

    private void CheckEscapes(ref Utf8JsonReader reader)
    {
        // Escaped strings are rare: checking only those keeps this off the common path.
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped
            || LoneSurrogate.IndexIn(reader.ValueSpan) < 0)
        {
            return;
        }

        if (_phase == Phase.RootObject)
        {
            _rootHasLoneSurrogate = true;
            _detailHasLoneSurrogate |= _inDetail;
        }
        else
        {
            _recordHasLoneSurrogate |= _keepFrom >= 0;
        }
    }
}
