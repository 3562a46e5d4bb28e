using System.Text;

namespace Monitor.Cli.Output;

/// <summary>
/// Makes attacker-controlled text (user agents, names, keys) safe to print on a terminal: control characters,
/// escape sequences and bidirectional overrides are shown as <c>\uXXXX</c> instead of being interpreted.
/// </summary>
internal static class TerminalText
{
    public static string Safe(string? text, int maxLength = 200)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 8));
        foreach (var c in text)
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            if (IsUnsafe(c))
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C';
}
