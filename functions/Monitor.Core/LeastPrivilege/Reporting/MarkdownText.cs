using System.Text;

namespace Monitor.LeastPrivilege.Reporting;

/// <summary>
/// Makes attacker-influenced text (principal names, policy names, event names) inert in Markdown: every
/// character Markdown or embedded HTML could interpret is backslash-escaped or encoded, and line breaks
/// cannot start a new block.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '|' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }
}
