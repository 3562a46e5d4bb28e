namespace Monitor.State;

/// <summary>An attribute value with the event time that set it.</summary>
public readonly record struct Stamped(string Value, DateTimeOffset At)
{
    /// <summary>Last writer wins by event time; equal times break the tie by ordinal value, so any order gives one answer.</summary>
    public static Stamped Latest(Stamped a, Stamped b) =>
        a.At != b.At ? (a.At > b.At ? a : b) : (string.CompareOrdinal(a.Value, b.Value) >= 0 ? a : b);

    /// <summary>First writer wins by event time; equal times break the tie by ordinal value, so any order gives one answer.</summary>
    public static Stamped EarliestOf(Stamped a, Stamped b) =>
        a.At != b.At ? (a.At < b.At ? a : b) : (string.CompareOrdinal(a.Value, b.Value) <= 0 ? a : b);
}
