namespace Monitor.Envelopes;

/// <summary>
/// Recognises objects a trail writes beside its logs that hold no activity records (digest files, Insights files) by
/// the folder <see cref="InputShapes"/> names for them. Notifications announce them like any other object.
/// </summary>
internal static class LogKeyFilter
{
    /// <summary>Why the object is not read, or null when it is a log to read.</summary>
    public static string? SkipReason(ObjectRef reference) =>
        InputShapes.All.FirstOrDefault(shape => shape.KeyFolder is { } folder && HasFolder(reference.Key, folder)) is { } passedOver
            ? $"{reference}: {passedOver.PassOverReason}"
            : null;

    // The folder sits after AWSLogs/<account>/ (or AWSLogs/<org>/<account>/) and an optional prefix,
    // so match it as a whole path segment anywhere rather than at a fixed depth.
    private static bool HasFolder(string key, string folder) =>
        key.StartsWith(folder + "/", StringComparison.Ordinal)
        || key.Contains("/" + folder + "/", StringComparison.Ordinal);
}
