using Monitor.Testing;

namespace Monitor.Fuzz.Tests;

/// <summary>The committed seed corpora and dictionaries under <c>tests/Monitor.Fuzz/</c>.</summary>
internal static class Corpus
{
    public static string Folder(string target) => Path.Combine(RepositoryFolders.Root, "tests", "Monitor.Fuzz", "corpus", target);

    public static IReadOnlyList<string> Files(string target) => [.. Directory.GetFiles(Folder(target)).Order(StringComparer.Ordinal)];

    /// <summary>The tokens of <c>TARGET.dict</c> (AFL dictionary syntax: <c>name="value"</c>, <c>\xNN</c>, <c>\\</c> and <c>\"</c> escapes).</summary>
    public static IReadOnlyList<byte[]> Dictionary(string target)
    {
        var path = Path.Combine(RepositoryFolders.Root, "tests", "Monitor.Fuzz", "dictionaries", target + ".dict");
        return [.. File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').Select(Token)];
    }

    private static byte[] Token(string line)
    {
        var text = line[(line.IndexOf('"', StringComparison.Ordinal) + 1)..line.LastIndexOf('"')];
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && text[i + 1] == 'x')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 2, 2), 16));
                i += 3;
            }
            else if (text[i] == '\\')
            {
                bytes.Add((byte)text[++i]);
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }
}
