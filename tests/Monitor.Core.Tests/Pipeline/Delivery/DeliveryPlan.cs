using CsCheck;
using Monitor.Records;

namespace Monitor.Core.Tests.Pipeline.Delivery;

/// <summary>
/// One way the same objects could reach the engine: records shuffled within objects, objects cut into several messages,
/// messages shuffled, some delivered twice, and records judged in chunks of a given size.
/// </summary>
internal sealed record DeliveryPlan(uint Seed, bool ShuffleRecords, bool ShuffleObjects, int MaxCuts, int DuplicatePercent, int ChunkSize)
{
    /// <summary>Everything in time order, one object a message, each judged whole: the order the answer must not depend on.</summary>
    public static readonly DeliveryPlan InOrder = new(0, false, false, 0, 0, int.MaxValue);

    public static readonly Gen<DeliveryPlan> Generator = Gen.Select(
        Gen.UInt,
        Gen.Bool,
        Gen.Bool,
        Gen.Int[0, 4],
        Gen.Int[0, 30],
        Gen.OneOf(Gen.Int[1, 40], Gen.Int[41, 5000]),
        (seed, records, objects, cuts, duplicates, chunk) => new DeliveryPlan(seed, records, objects, cuts, duplicates, chunk));

    /// <summary>The messages to deliver, in order: each a list of activities, possibly a repeat of an earlier one.</summary>
    public IReadOnlyList<IReadOnlyList<Activity>> Arrange(IReadOnlyList<IReadOnlyList<Activity>> objects)
    {
        if (this == InOrder)
        {
            return [.. objects.OrderBy(o => o.Min(a => a.Time)).Select(o => (IReadOnlyList<Activity>)[.. o.OrderBy(a => a.Time)])];
        }

        var random = new Random(unchecked((int)Seed));
        var messages = new List<IReadOnlyList<Activity>>();
        foreach (var source in objects)
        {
            var records = ShuffleRecords ? [.. source.OrderBy(_ => random.Next())] : source.ToList();
            var cuts = Enumerable.Range(0, random.Next(MaxCuts + 1)).Select(_ => random.Next(records.Count + 1)).Append(0).Append(records.Count).Distinct().Order().ToArray();
            for (var i = 0; i + 1 < cuts.Length; i++)
            {
                messages.Add(records[cuts[i]..cuts[i + 1]]);
            }
        }

        if (ShuffleObjects)
        {
            messages = [.. messages.OrderBy(_ => random.Next())];
        }

        foreach (var message in messages.ToArray())
        {
            if (random.Next(100) < DuplicatePercent)
            {
                messages.Insert(random.Next(messages.IndexOf(message), messages.Count + 1), message);
            }
        }

        return messages;
    }
}
