using System.Security.Cryptography;
using System.Text.Json;

namespace Monitor.Records;

/// <summary>Turns a typed <see cref="CloudTrailRecord"/> into the <see cref="Activity"/> every detector consumes.</summary>
internal static class ActivityNormalizer
{
    /// <summary>
    /// Normalizes <paramref name="record"/>. <paramref name="recordJson"/> is the record as read, used only to
    /// derive an id for records that carry neither <c>eventID</c> nor <c>requestID</c>; when empty, the record
    /// is re-serialized for that purpose.
    /// </summary>
    public static RecordNormalization Normalize(CloudTrailRecord record, ReadOnlySpan<byte> recordJson = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!CloudTrailTime.TryParse(record.EventTime, out var time))
        {
            return new RecordNormalization.Rejected(record.EventTime is null ? "no eventTime" : $"eventTime \"{Clip(record.EventTime)}\" is not an ISO 8601 time");
        }

        if (!EventTimeRange.Contains(time))
        {
            return new RecordNormalization.Rejected($"eventTime \"{Clip(record.EventTime)}\" is outside the supported range {EventTimeRange.Description}");
        }

        var eventSource = Present(record.EventSource);
        var eventName = Present(record.EventName);
        if (eventSource is null || eventName is null)
        {
            return new RecordNormalization.Rejected(eventSource is null ? "no eventSource" : "no eventName");
        }

        var identity = record.UserIdentity;
        var errorCode = Present(record.ErrorCode);

        // Never copy responseElements (it holds session tokens for AssumeRole, GetSessionToken, ...) into a field
        // that is logged or stored; it stays only inside Record, which nothing renders.
        return new RecordNormalization.Accepted(new Activity
        {
            Time = time,
            EventId = Present(record.EventId) ?? Present(record.RequestId) ?? ContentId(record, recordJson),
            EventSource = eventSource,
            EventName = eventName,
            Principal = PrincipalNormalizer.Normalize(identity, Present(record.RecipientAccountId)),
            Account = Present(record.RecipientAccountId) ?? Present(identity?.AccountId),
            Region = Present(record.AwsRegion),
            AccessKeyId = Records.AccessKeyId.From(identity?.AccessKeyId),
            Source = SourceAddress.Parse(record.SourceIpAddress),
            UserAgent = Present(record.UserAgent),
            Outcome = OutcomeOf(record, eventName, errorCode),
            ErrorCode = errorCode,
            ErrorMessage = Present(record.ErrorMessage),
            ReadOnly = record.ReadOnly,
            EventType = Present(record.EventType),
            InvokedBy = Present(identity?.InvokedBy),
            MfaUsed = MfaUsed(record),
            Record = record,
            Resources = ResourcesOf(record),
        });
    }

    /// <summary>Whether <paramref name="errorCode"/> means the caller lacked permission (as opposed to any other failure).</summary>
    public static bool IsAccessDenied(string? errorCode) =>
        errorCode is not null
        && (errorCode.Equals("AccessDenied", StringComparison.OrdinalIgnoreCase)
            || errorCode.Equals("AccessDeniedException", StringComparison.OrdinalIgnoreCase)
            || errorCode.Equals("UnauthorizedOperation", StringComparison.OrdinalIgnoreCase)
            || errorCode.Equals("Client.UnauthorizedOperation", StringComparison.OrdinalIgnoreCase)
            || errorCode.Equals("Forbidden", StringComparison.OrdinalIgnoreCase)
            || errorCode.Equals("UnauthorizedAccess", StringComparison.OrdinalIgnoreCase)
            || errorCode.EndsWith(".AccessDenied", StringComparison.OrdinalIgnoreCase));

    private static Outcome OutcomeOf(CloudTrailRecord record, string eventName, string? errorCode)
    {
        if (errorCode is not null)
        {
            return IsAccessDenied(errorCode) ? Outcome.Denied : Outcome.Failure;
        }

        // Failed console sign-ins have no errorCode: the result is in responseElements.ConsoleLogin.
        return eventName == "ConsoleLogin" && StringProperty(record.ResponseElements, "ConsoleLogin") is { } result
            && result.Equals("Failure", StringComparison.OrdinalIgnoreCase)
            ? Outcome.Failure
            : Outcome.Success;
    }

    private static bool? MfaUsed(CloudTrailRecord record)
    {
        var signIn = StringProperty(record.AdditionalEventData, "MFAUsed");
        if (signIn is not null)
        {
            return signIn.Equals("Yes", StringComparison.OrdinalIgnoreCase) ? true : signIn.Equals("No", StringComparison.OrdinalIgnoreCase) ? false : null;
        }

        return bool.TryParse(record.UserIdentity?.SessionContext?.Attributes?.MfaAuthenticated, out var session) ? session : null;
    }

    private static string[] ResourcesOf(CloudTrailRecord record) =>
        record.Resources is null ? [] : [.. record.Resources.Select(r => Present(r?.Arn)).OfType<string>()];

    // Records with neither eventID nor requestID exist only in hand-made or redacted logs. A hash of the record's
    // bytes gives the same id every time the same record is read again (replay, redelivery), which keeps finding
    // ids and deduplication stable; a random id or a position in the file would not.
    private static string ContentId(CloudTrailRecord record, ReadOnlySpan<byte> recordJson)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        if (recordJson.IsEmpty)
        {
            SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record, CloudTrailJsonContext.Default.CloudTrailRecord), hash);
        }
        else
        {
            SHA256.HashData(recordJson, hash);
        }

        return "sha256:" + Convert.ToHexStringLower(hash[..16]);
    }

    private static string? StringProperty(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static string? Present(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
