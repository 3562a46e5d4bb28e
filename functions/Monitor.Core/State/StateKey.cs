namespace Monitor.State;

/// <summary>
/// Address of one remembered fact: a <see cref="Scope"/> (what kind of fact, and for whom, e.g.
/// <c>root-ip:123456789012</c>) and a <see cref="Member"/> within it (e.g. <c>203.0.113.0/24</c>).
/// </summary>
public readonly record struct StateKey(string Scope, string Member)
{
    public override string ToString() => $"{Scope}/{Member}";
}
