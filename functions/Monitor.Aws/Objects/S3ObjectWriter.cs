using Amazon.S3;
using Amazon.S3.Model;

namespace Monitor.Aws.Objects;

/// <summary>Where generated artefacts (reports) are written.</summary>
public interface IObjectWriter
{
    Task PutAsync(string bucket, string key, string content, string contentType, CancellationToken cancellationToken);
}

/// <summary>Writes objects with S3 PutObject.</summary>
public sealed class S3ObjectWriter(IAmazonS3 s3) : IObjectWriter
{
    public async Task PutAsync(string bucket, string key, string content, string contentType, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            ContentBody = content,
            ContentType = contentType,

            // s3rver (the local emulator) does not understand aws-chunked bodies; a report is small anyway.
            UseChunkEncoding = false,
        };
        await s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
