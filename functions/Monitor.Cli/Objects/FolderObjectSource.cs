using Monitor.Envelopes;
using Monitor.Records;

namespace Monitor.Cli.Objects;

/// <summary>
/// Log objects for replay, from a local folder: <c>s3://bucket/key</c> is <c>&lt;root&gt;/bucket/key</c>.
/// Bucket and key come from messages, so anything that would resolve outside the root is refused.
/// </summary>
public sealed class FolderObjectSource(string root) : IObjectSource
{
    private const int BufferSize = 64 * 1024;
    private static readonly char[] Separators = ['/', '\\'];

    private readonly string _root = Path.GetFullPath(root);

    /// <summary>The folder objects resolve under, as a full path.</summary>
    public string Root => _root;

    public Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = Resolve(reference);
        if (Directory.Exists(path))
        {
            throw new ObjectUnavailableException(reference, $"names a folder, not a file, under {_root}");
        }

        try
        {
            Stream stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ObjectUnavailableException(reference, $"object not found under {_root}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ObjectUnavailableException(reference, $"object not readable under {_root}", e);
        }
    }

    /// <summary>The file the object maps to; throws <see cref="ObjectUnavailableException"/> when it would leave the root.</summary>
    internal string Resolve(ObjectRef reference)
    {
        var bucket = reference.Bucket;
        if (string.IsNullOrEmpty(bucket) || bucket is "." or ".." || bucket.IndexOfAny([.. Separators, ':', '\0']) >= 0)
        {
            throw new ObjectUnavailableException(reference, "bucket name is not a plain folder name");
        }

        var key = reference.Key;
        if (string.IsNullOrEmpty(key) || key.Contains('\0', StringComparison.Ordinal))
        {
            throw new ObjectUnavailableException(reference, "key is empty or holds a NUL character");
        }

        if (Path.IsPathRooted(key) || key.IndexOfAny(Separators) == 0)
        {
            throw new ObjectUnavailableException(reference, $"key is an absolute path, refused (objects resolve under {_root})");
        }

        // S3 gives '..' no meaning, a file system does: refuse it rather than read a different file.
        if (key.Split(Separators).Contains(".."))
        {
            throw new ObjectUnavailableException(reference, $"key has a '..' segment, refused (objects resolve under {_root})");
        }

        var path = Path.GetFullPath(Path.Combine(_root, bucket, key));
        var bucketFolder = Path.Combine(_root, bucket) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(bucketFolder, StringComparison.Ordinal))
        {
            throw new ObjectUnavailableException(reference, $"key resolves outside {_root}, refused");
        }

        return path;
    }
}
