// Generates the sample CloudTrail log objects and the SQS / SNS / EventBridge envelopes under events/.
// Deterministic: one seeded Random drawn in a fixed order, gzip header mtime 0, no wall clock, so a
// re-run writes identical bytes. Run from the repository root:
//   dotnet run --project events/tools/SampleGenerator            (writes events/)
//   dotnet run --project events/tools/SampleGenerator -- <dir>   (writes <dir>/ instead)
// One file per story (SampleGenerator.<Story>.cs). The Random is drawn in the order the code runs
// (SampleGenerator.BuildDays, then Write), not in file order, so moving code between files never changes the output.
var outDir = args.Length > 0 ? args[0] : "events";
if (!Directory.Exists(outDir))
{
    Console.Error.WriteLine($"'{outDir}' does not exist: run from the repository root or pass the events folder.");
    return 1;
}

var generator = new SampleGenerator(outDir);
generator.Run();
return 0;
