namespace Monitor.Cli.Replay;

/// <summary>
/// Expands the paths given to <c>replay</c> into input files: files as given, folders recursively in
/// ordinal name order. Inside folders it passes over the objects folder (its files are reached through the
/// notifications that name them), expected-output files (<c>*.expected.*</c>), documentation, and the sources of
/// the tools that generate samples (<c>.cs</c>, <c>.csproj</c>, <c>.py</c>, as under <c>events/tools/</c>).
/// </summary>
internal static class InputWalker
{
    public static IEnumerable<string> Expand(IEnumerable<string> paths, string objectsRoot, ICollection<string> errors)
    {
        var objects = Path.GetFullPath(objectsRoot).TrimEnd(Path.DirectorySeparatorChar);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, objects))
                {
                    yield return file;
                }
            }
            else
            {
                errors.Add($"{path}: no such file or folder");
            }
        }
    }

    private static IEnumerable<string> Walk(string folder, string objectsRoot)
    {
        var entries = Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Directory.Exists(entry))
            {
                var full = Path.GetFullPath(entry).TrimEnd(Path.DirectorySeparatorChar);
                if (full == objectsRoot || Path.GetFileName(entry).StartsWith('.'))
                {
                    continue;
                }

                foreach (var file in Walk(entry, objectsRoot))
                {
                    yield return file;
                }
            }
            else if (IsInput(Path.GetFileName(entry)))
            {
                yield return entry;
            }
        }
    }

    private static bool IsInput(string name) =>
        !name.StartsWith('.')
        && !name.Contains(".expected.", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith(".py", StringComparison.OrdinalIgnoreCase);
}
