// Writing the log objects: gzip with a fixed header, records roughly in time order, and the digest file.

using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, byte[]> _written = new(StringComparer.Ordinal);

    private void Write()
    {
        var objectsDir = Path.Combine(_outDir, "objects");
        if (Directory.Exists(objectsDir))
        {
            Directory.Delete(objectsDir, recursive: true);
        }

        var story = new HashSet<JsonObject>(_story.Select(s => s.Record), ReferenceEqualityComparer.Instance);
        foreach (var f in _objects)
        {
            var ordered = f.Records.OrderBy(r => r["eventTime"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
            // CloudTrail files are only roughly time-ordered; swap a few neighbouring routine records.
            for (var i = 0; i + 1 < ordered.Count; i++)
            {
                if (!story.Contains(ordered[i]) && !story.Contains(ordered[i + 1]) && _ids.Chance(6))
                {
                    (ordered[i], ordered[i + 1]) = (ordered[i + 1], ordered[i]);
                }
            }

            var json = new JsonObject { ["Records"] = new JsonArray([.. ordered]) }.ToJsonString(Compact);
            WriteObject(f.Key, Encoding.UTF8.GetBytes(json));
        }

        var digestKey = WriteDigest();
        WriteEnvelopes(digestKey);
        Verify();
        Report();
    }

    private void WriteObject(string key, byte[] content)
    {
        using var buffer = new MemoryStream();
        // GZipStream writes mtime 0 and no file name, so the bytes depend only on the content.
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        var bytes = buffer.ToArray();
        var path = Path.Combine(_outDir, "objects", Org.Bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        _written[key] = bytes;
    }

    private string WriteDigest()
    {
        var covered = _objects.Where(o => o.Account == Org.Prod && o.Region == East && o.Delivered > Time.At(2026, 11, 10, 17, 35, 12) && o.Delivered <= Time.At(2026, 11, 10, 18, 35, 12)).ToList();
        var end = Time.At(2026, 11, 10, 18, 35, 12);
        var folder = $"AWSLogs/{Org.Prod}/CloudTrail-Digest/us-east-1/2026/11/10/";
        var key = $"{folder}{Org.Prod}_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261110T183512Z.json.gz";
        var logFiles = new JsonArray();
        foreach (var o in covered)
        {
            var times = o.Records.Select(r => r["eventTime"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
            logFiles.Add(new JsonObject
            {
                ["s3Bucket"] = Org.Bucket,
                ["s3Object"] = o.Key,
                ["hashValue"] = Convert.ToHexString(SHA256.HashData(Gunzip(_written[o.Key]))).ToLowerInvariant(),
                ["hashAlgorithm"] = "SHA-256",
                ["newestEventTime"] = times[^1],
                ["oldestEventTime"] = times[0],
            });
        }

        var digest = new JsonObject
        {
            ["awsAccountId"] = Org.Prod,
            ["digestStartTime"] = Time.Iso(end.AddHours(-1)),
            ["digestEndTime"] = Time.Iso(end),
            ["digestS3Bucket"] = Org.Bucket,
            ["digestS3Object"] = key,
            ["digestPublicKeyFingerprint"] = _ids.Hex(32),
            ["digestSignatureAlgorithm"] = "SHA256withRSA",
            ["newestEventTime"] = logFiles[^1]!["newestEventTime"]!.GetValue<string>(),
            ["oldestEventTime"] = logFiles[0]!["oldestEventTime"]!.GetValue<string>(),
            ["previousDigestS3Bucket"] = Org.Bucket,
            ["previousDigestS3Object"] = $"{folder}{Org.Prod}_CloudTrail-Digest_us-east-1_org-trail_us-east-1_20261110T173512Z.json.gz",
            ["previousDigestHashValue"] = _ids.Hex(64),
            ["previousDigestHashAlgorithm"] = "SHA-256",
            ["previousDigestSignature"] = _ids.Hex(512),
            ["logFiles"] = logFiles,
        };
        WriteObject(key, Encoding.UTF8.GetBytes(digest.ToJsonString(Compact)));
        return key;
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
