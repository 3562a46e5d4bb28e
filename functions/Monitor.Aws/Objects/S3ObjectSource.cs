using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Monitor.Envelopes;
using Monitor.Records;

namespace Monitor.Aws.Objects;

/// <summary>
/// Log objects from S3, streamed: the response body is handed to the reader as it arrives, so memory does
/// not grow with the object. Missing objects and denied access become <see cref="ObjectUnavailableException"/>.
/// </summary>
public sealed class S3ObjectSource(IAmazonS3 s3) : IObjectSource
{
    public async Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = reference.Bucket, Key = reference.Key }, cancellationToken).ConfigureAwait(false);

            // Disposing the response stream releases the connection; the reader owns it from here.
            return response.ResponseStream;
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "NoSuchKey" || (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode is not "NoSuchBucket"))
        {
            throw new ObjectUnavailableException(reference, "object not found", exception);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "NoSuchBucket")
        {
            throw new ObjectUnavailableException(reference, "bucket not found", exception);
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode is "AccessDenied" || exception.StatusCode == HttpStatusCode.Forbidden)
        {
            // Usually a bucket policy or KMS key policy that does not grant the function's role.
            throw new ObjectUnavailableException(reference, "access denied", exception);
        }
    }
}
