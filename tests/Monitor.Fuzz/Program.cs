using Monitor.Fuzz;
using SharpFuzz;

// Monitor.Fuzz TARGET            under afl-fuzz: the fork server, input on stdin (run once on stdin otherwise)
// Monitor.Fuzz TARGET FILE...    runs the target on each file and prints every crash with its stack trace
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out var target))
{
    await Console.Error.WriteLineAsync($"usage: Monitor.Fuzz {string.Join('|', FuzzTargets.All.Keys)} [FILE...]");
    return 2;
}

if (args.Length > 1)
{
    var crashes = 0;
    foreach (var file in args[1..])
    {
        try
        {
            target(await File.ReadAllBytesAsync(file));
        }
#pragma warning disable CA1031 // Reporting every crash is the point of this mode.
        catch (Exception e)
#pragma warning restore CA1031
        {
            crashes++;
            await Console.Out.WriteLineAsync($"crash: {file}: {e}");
        }
    }

    await Console.Out.WriteLineAsync($"{args.Length - 1 - crashes} passed, {crashes} crashed");
    return crashes == 0 ? 0 : 1;
}

// Out of process: a stack overflow or a hang kills only the child, which SharpFuzz restarts, so AFL keeps going.
Fuzzer.OutOfProcess.Run(stream =>
{
    using var input = new MemoryStream();
    stream.CopyTo(input);
    target(input.ToArray());
});
return 0;
