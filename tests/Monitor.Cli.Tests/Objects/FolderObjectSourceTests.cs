using System.Text;
using Monitor.Cli.Objects;
using Monitor.Envelopes;
using Monitor.Records;

namespace Monitor.Cli.Tests.Objects;

public sealed class FolderObjectSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("monitor-objects-").FullName;
    private readonly string _root;
    private readonly FolderObjectSource _source;

    public FolderObjectSourceTests()
    {
        _root = Path.Combine(_folder, "objects");
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_folder, "secret.txt"), "outside the root");
        _source = new FolderObjectSource(_root);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/02/log.json.gz")]
    [InlineData("s3-access/2025-01-02-00-05-11-1A2B3C4D5E6F7A8B")]
    [InlineData("logs/my folder/café+日本.json")]
    [InlineData("top.json")]
    public async Task OpensTheFile_WhenObjectExistsUnderBucketFolder(string key)
    {
        Write("amzn-s3-demo-bucket", key, "{\"Records\":[]}");

        await using var stream = await _source.OpenReadAsync(new ObjectRef("amzn-s3-demo-bucket", key), CancellationToken.None);
        using var reader = new StreamReader(stream, Encoding.UTF8);

        (await reader.ReadToEndAsync()).ShouldBe("{\"Records\":[]}");
    }

    [Theory]
    [InlineData("amzn-s3-demo-bucket", "AWSLogs/missing.json.gz")]
    [InlineData("no-such-bucket", "AWSLogs/a.json.gz")]
    public async Task ThrowsObjectUnavailable_WhenFileIsMissing(string bucket, string key)
    {
        Write("amzn-s3-demo-bucket", "AWSLogs/a.json.gz", "x");
        var reference = new ObjectRef(bucket, key);

        var error = await Should.ThrowAsync<ObjectUnavailableException>(() => _source.OpenReadAsync(reference, CancellationToken.None));

        error.Reference.ShouldBe(reference);
        error.Reason.ShouldBe($"object not found under {_root}");
        error.Message.ShouldBe($"s3://{bucket}/{key}: object not found under {_root}");
    }

    [Fact]
    public async Task ThrowsObjectUnavailable_WhenKeyNamesAFolder()
    {
        Write("b", "AWSLogs/a.json.gz", "x");

        var error = await Should.ThrowAsync<ObjectUnavailableException>(
            () => _source.OpenReadAsync(new ObjectRef("b", "AWSLogs/"), CancellationToken.None));

        error.Reason.ShouldStartWith("names a folder");
    }

    [Theory]
    [InlineData("../../secret.txt", "'..' segment")]
    [InlineData("a/../../../secret.txt", "'..' segment")]
    [InlineData("..", "'..' segment")]
    [InlineData("a/..", "'..' segment")]
    [InlineData("..\\..\\secret.txt", "'..' segment")]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("\\secret.txt", "absolute path")]
    [InlineData("a\0b", "NUL")]
    [InlineData("", "empty")]
    public async Task RefusesTheKey_WhenItCouldLeaveTheRoot(string key, string why)
    {
        var reference = new ObjectRef("b", key);

        var error = await Should.ThrowAsync<ObjectUnavailableException>(() => _source.OpenReadAsync(reference, CancellationToken.None));

        error.Reference.ShouldBe(reference);
        error.Reason.ShouldContain(why);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("..\\x")]
    [InlineData("c:")]
    public async Task RefusesTheBucket_WhenItIsNotAPlainFolderName(string bucket)
    {
        var error = await Should.ThrowAsync<ObjectUnavailableException>(
            () => _source.OpenReadAsync(new ObjectRef(bucket, "secret.txt"), CancellationToken.None));

        error.Reason.ShouldBe("bucket name is not a plain folder name");
    }

    [Fact]
    public void ResolvesUnderTheBucketFolder_WhenRootIsRelative()
    {
        var source = new FolderObjectSource("events/objects");

        source.Resolve(new ObjectRef("b", "k/l.json")).ShouldBe(Path.Combine(Path.GetFullPath("events/objects"), "b", "k", "l.json"));
    }

    private void Write(string bucket, string key, string content)
    {
        var path = Path.Combine(_root, bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
