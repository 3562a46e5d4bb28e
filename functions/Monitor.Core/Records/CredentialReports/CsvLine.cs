using System.Text;

namespace Monitor.Records.CredentialReports;

/// <summary>
/// Splits one CSV line (RFC 4180 quoting). IAM user names may contain ',' (the allowed set is <c>_+=,.@-</c>), so a
/// quoted field is honoured even though AWS rarely needs to quote.
/// </summary>
internal static class CsvLine
{
    /// <summary>The fields of <paramref name="line"/>, or null when a quote is left open.</summary>
    public static List<string>? Split(string line)
    {
        var fields = new List<string>(24);
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(field.ToString());
        return fields;
    }
}
