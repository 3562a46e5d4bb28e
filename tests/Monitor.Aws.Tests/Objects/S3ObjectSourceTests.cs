using System.IO.Compression;
using System.Net;
using System.Text;
using Monitor.Aws.Objects;
using Monitor.Envelopes;
using Monitor.Records;
using Monitor.Testing.Emulators;

namespace Monitor.Aws.Tests.Objects;

[Collection(EmulatorCollection.Name)]
public sealed class S3ObjectSourceTests(LocalEmulators emulators)
{
    [Fact]
    public async Task OpenRead_StreamsTheStoredBytes_GzipAsStored()
    {
        using var s3 = TestClients.S3(emulators.S3);
        var bucket = "trail-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        var gzip = Gzip("""{"Records":[]}""");
        var key = "AWSLogs/123456789012/CloudTrail/us-east-1/2024/03/01/file name+1.json.gz";
        await TestClients.PutObjectAsync(s3, bucket, key, gzip);

        await using var stream = await new S3ObjectSource(s3).OpenReadAsync(new ObjectRef(bucket, key), CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        copy.ToArray().ShouldBe(gzip);
    }

    [Fact]
    public async Task OpenRead_SaysObjectNotFound_WhenTheKeyIsMissing()
    {
        using var s3 = TestClients.S3(emulators.S3);
        var bucket = "trail-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        var reference = new ObjectRef(bucket, "AWSLogs/missing.json.gz");

        var exception = await Should.ThrowAsync<ObjectUnavailableException>(() => new S3ObjectSource(s3).OpenReadAsync(reference, CancellationToken.None));

        exception.Reason.ShouldBe("object not found");
        exception.Message.ShouldBe($"s3://{bucket}/AWSLogs/missing.json.gz: object not found");
    }

    [Fact]
    public async Task OpenRead_SaysBucketNotFound_WhenTheBucketIsMissing()
    {
        using var s3 = TestClients.S3(emulators.S3);

        var exception = await Should.ThrowAsync<ObjectUnavailableException>(() => new S3ObjectSource(s3).OpenReadAsync(new ObjectRef("no-such-bucket-x1", "k"), CancellationToken.None));

        exception.Reason.ShouldBe("bucket not found");
    }

    [Fact]
    public async Task OpenRead_SaysAccessDenied_WhenS3Refuses()
    {
        // s3rver does not enforce policies, so a loopback server answers the way S3 does for a denied GetObject.
        using var listener = new HttpListener();
        var endpoint = $"http://127.0.0.1:{LocalEmulators.FreePort()}/";
        listener.Prefixes.Add(endpoint);
        listener.Start();
        var serving = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>1</RequestId></Error>");
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/xml";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        });
        using var s3 = TestClients.S3(new Uri(endpoint));

        var exception = await Should.ThrowAsync<ObjectUnavailableException>(() => new S3ObjectSource(s3).OpenReadAsync(new ObjectRef("trail", "AWSLogs/x.json.gz"), CancellationToken.None));

        exception.Reason.ShouldBe("access denied");
        await serving;
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
