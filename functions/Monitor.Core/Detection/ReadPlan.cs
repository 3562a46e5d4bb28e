using Monitor.State;

namespace Monitor.Detection;

/// <summary>
/// What a judgment will read, declared before it runs: keys, listed scopes, and reads that depend on what the first
/// ones hold (<see cref="Then"/>). The engine loads all of it in a few batched round trips, and the judgment's
/// <see cref="Snapshot"/> holds exactly this: any other read fails.
/// </summary>
internal sealed class ReadPlan
{
    /// <summary>How many members a listed scope is read up to, unless a plan asks for fewer.</summary>
    public const int DefaultListLimit = 500;

    private readonly HashSet<StateKey> _keys = [];
    private readonly Dictionary<string, int> _lists = new(StringComparer.Ordinal);
    private readonly List<Action<Snapshot, ReadPlan>> _then = [];

    internal IReadOnlyCollection<StateKey> Keys => _keys;

    internal IReadOnlyDictionary<string, int> Lists => _lists;

    internal IReadOnlyList<Action<Snapshot, ReadPlan>> Continuations => _then;

    public ReadPlan Read(StateKey key)
    {
        _keys.Add(key);
        return this;
    }

    public ReadPlan Read(IEnumerable<StateKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys.UnionWith(keys);
        return this;
    }

    /// <summary>Reads the members of <paramref name="scope"/>, in member order, up to <paramref name="limit"/>.</summary>
    public ReadPlan List(string scope, int limit = DefaultListLimit)
    {
        _lists[scope] = Math.Max(_lists.GetValueOrDefault(scope), limit);
        return this;
    }

    /// <summary>More reads, declared from what the reads so far hold (a session's parent, say).</summary>
    public ReadPlan Then(Action<Snapshot, ReadPlan> more)
    {
        _then.Add(more);
        return this;
    }

    internal void Clear()
    {
        _keys.Clear();
        _lists.Clear();
        _then.Clear();
    }
}
