// Self-check (every referenced key exists and every object is referenced, eventIDs are unique, tokens look fake)
// and the printed summary.

using System.Text.Json.Nodes;

internal sealed partial class SampleGenerator
{
    private void Verify()
    {
        var root = Path.Combine(_outDir, "objects", Org.Bucket);
        var onDisk = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in onDisk)
        {
            var doc = JsonNode.Parse(Gunzip(File.ReadAllBytes(Path.Combine(root, key))))!.AsObject();
            if (!key.Contains("/CloudTrail/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var r in doc["Records"]!.AsArray())
            {
                if (!eventIds.Add(r!["eventID"]!.GetValue<string>()))
                {
                    throw new InvalidOperationException($"duplicate eventID in {key}");
                }

                var token = r["responseElements"]?["credentials"]?["sessionToken"]?.GetValue<string>();
                if (token is not null && !token.StartsWith("EXAMPLE-FAKE", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"session token that is not obviously fake in {key}");
                }
            }
        }

        var missing = _referenced.Where(k => !onDisk.Contains(k)).ToList();
        var unreferenced = onDisk.Where(k => !_referenced.Contains(k)).ToList();
        if (missing.Count > 0 || unreferenced.Count > 0)
        {
            throw new InvalidOperationException($"missing: {string.Join(", ", missing)}; unreferenced: {string.Join(", ", unreferenced)}");
        }
    }

    private void Report()
    {
        var total = 0;
        foreach (var o in _objects)
        {
            total += o.Records.Count;
            Console.WriteLine(FormattableString.Invariant($"{o.Records.Count,5}  {o.Key}"));
        }

        Console.WriteLine(FormattableString.Invariant($"{total,5}  records in {_objects.Count} log objects (+1 digest)"));
        Console.WriteLine();
        foreach (var (label, r) in _story)
        {
            var key = r["userIdentity"]?["accessKeyId"]?.GetValue<string>();
            Console.WriteLine(FormattableString.Invariant(
                $"{r["eventTime"]}  {r["sourceIPAddress"],-22} {r["eventName"],-26} {(string.IsNullOrEmpty(key) ? "-" : key),-21} {r["eventID"]}  {label}"));
        }
    }
}
