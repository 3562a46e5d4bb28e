using System.IO.Compression;
using System.Text;
using Monitor.Envelopes;

namespace Monitor.Testing;

/// <summary>One sample input: a repository file (<see cref="Path"/>, relative to the root) or inline <see cref="Text"/>.</summary>
public sealed record InputSample(string Name, InputShape? Shape, string? Path, string? Text)
{
    /// <summary>The bytes as stored: what a file-reading path is given (gzip included).</summary>
    public byte[] Stored() => Path is null
        ? Encoding.UTF8.GetBytes(Text!)
        : System.IO.File.ReadAllBytes(System.IO.Path.Combine(RepositoryFolders.Root, Path));

    /// <summary>The content, decompressed when stored as gzip.</summary>
    public byte[] Content()
    {
        var stored = Stored();
        if (stored is not [0x1f, 0x8b, ..])
        {
            return stored;
        }

        using var gzip = new GZipStream(new MemoryStream(stored), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }

    public override string ToString() => Name;
}
