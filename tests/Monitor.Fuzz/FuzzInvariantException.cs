namespace Monitor.Fuzz;

/// <summary>A reader or decoder returned something that the code downstream could not safely use: a crash like any other.</summary>
public sealed class FuzzInvariantException(string message) : Exception(message)
{
    public static void ThrowUnless(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(message);
        }
    }
}
