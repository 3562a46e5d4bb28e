namespace Monitor.Fuzz;

/// <summary>What one read of an input produced: the ids of the activities, the report's errors, or why the whole input failed.</summary>
internal sealed record ReadOutcome(IReadOnlyList<string> EventIds, IReadOnlyList<string> Errors, string? Failure)
{
    /// <summary>
    /// Two reads of the same bytes, in pieces of different sizes, must agree. When the input fails as a whole, only
    /// that is compared: what was yielded before the failure depends on where the pieces ended.
    /// </summary>
    public static void ShouldAgree(ReadOutcome whole, ReadOutcome trickled)
    {
        if (whole.Failure is not null || trickled.Failure is not null)
        {
            FuzzInvariantException.ThrowUnless(whole.Failure is not null && trickled.Failure is not null, $"read whole: {whole.Failure ?? "no failure"}; read trickled: {trickled.Failure ?? "no failure"}");
            return;
        }

        FuzzInvariantException.ThrowUnless(whole.EventIds.SequenceEqual(trickled.EventIds, StringComparer.Ordinal), $"whole read yielded {whole.EventIds.Count} activities, trickled {trickled.EventIds.Count}");
        FuzzInvariantException.ThrowUnless(whole.Errors.SequenceEqual(trickled.Errors, StringComparer.Ordinal), $"whole read: [{string.Join(" | ", whole.Errors)}]; trickled: [{string.Join(" | ", trickled.Errors)}]");
    }
}
