namespace Monitor.Envelopes;

/// <summary>
/// Recognises objects a trail writes beside its logs that hold no activity records: digest files
/// (log file validation) and Insights files. Notifications announce them like any other object.
/// </summary>
internal static class LogKeyFilter
{
    /// <summary>Why the object is not read, or null when it is a log to read.</summary>
    public static string? SkipReason(ObjectRef reference)
    {
        if (HasFolder(reference.Key, "CloudTrail-Digest"))
        {
            return $"{reference}: CloudTrail digest file, not a log";
        }

        return HasFolder(reference.Key, "CloudTrail-Insight")
            ? $"{reference}: CloudTrail Insights file, not a log"
            : null;
    }

    // The folder sits after AWSLogs/<account>/ (or AWSLogs/<org>/<account>/) and an optional prefix,
    // so match it as a whole path segment anywhere rather than at a fixed depth.
    private static bool HasFolder(string key, string folder) =>
        key.StartsWith(folder + "/", StringComparison.Ordinal)
        || key.Contains("/" + folder + "/", StringComparison.Ordinal);
}
