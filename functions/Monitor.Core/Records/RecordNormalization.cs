namespace Monitor.Records;

/// <summary>What became of one CloudTrail record: an <see cref="Activity"/>, or the reason it cannot be one.</summary>
internal abstract record RecordNormalization
{
    private RecordNormalization()
    {
    }

    public sealed record Accepted(Activity Activity) : RecordNormalization;

    /// <summary>The record is unusable (no usable time, no event name); <see cref="Reason"/> says what was wrong.</summary>
    public sealed record Rejected(string Reason) : RecordNormalization;
}
