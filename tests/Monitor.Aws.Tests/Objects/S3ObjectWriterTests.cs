using Monitor.Aws.Objects;
using Monitor.Testing.Emulators;

namespace Monitor.Aws.Tests.Objects;

[Collection(EmulatorCollection.Name)]
public sealed class S3ObjectWriterTests(LocalEmulators emulators)
{
    [Fact]
    public async Task Put_StoresTheContent_UnderTheKey_WithItsContentType()
    {
        using var s3 = TestClients.S3(emulators.S3);
        var bucket = "reports-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);

        await new S3ObjectWriter(s3).PutAsync(bucket, "reports/2025/06/01/report.md", "# Report – é", "text/markdown; charset=utf-8", CancellationToken.None);

        using var stored = await s3.GetObjectAsync(bucket, "reports/2025/06/01/report.md");
        using var reader = new StreamReader(stored.ResponseStream);
        (await reader.ReadToEndAsync()).ShouldBe("# Report – é");
        stored.Headers.ContentType.ShouldStartWith("text/markdown");
    }
}
