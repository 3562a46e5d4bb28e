namespace Monitor.Records.CredentialReports;

/// <summary>A TRUE/FALSE column of the credential report (any casing), or <c>not_supported</c> (root's password).</summary>
public enum ReportFlag
{
    False,
    True,
    NotSupported,
}

/// <summary>Parsing of <see cref="ReportFlag"/>.</summary>
internal static class ReportFlags
{
    /// <summary>The documentation says TRUE/FALSE; real reports write true/false. Both are accepted, nothing else.</summary>
    public static bool TryParse(string text, out ReportFlag flag)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            flag = ReportFlag.True;
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            flag = ReportFlag.False;
            return true;
        }

        flag = ReportFlag.NotSupported;
        return text == "not_supported";
    }
}
