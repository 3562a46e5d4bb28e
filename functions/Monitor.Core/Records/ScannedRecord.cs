namespace Monitor.Records;

/// <summary>
/// One element the scanner found: the byte range of a complete record in the scanner's buffer, or why the
/// element cannot be a record. <see cref="Number"/> is 1-based, counted over the whole input.
/// <see cref="HasLoneSurrogate"/> says a string in the record cannot be decoded (see <see cref="LoneSurrogate"/>).
/// </summary>
internal readonly record struct ScannedRecord(int Number, int Start, int Length, string? Rejection, bool HasLoneSurrogate = false)
{
    public static ScannedRecord Complete(int number, int start, int length, bool hasLoneSurrogate) => new(number, start, length, null, hasLoneSurrogate);

    public static ScannedRecord NotAnObject(int number, string found) => new(number, 0, 0, $"not a JSON object ({found})");
}
