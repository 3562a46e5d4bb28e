namespace Monitor.Cli.State;

/// <summary>Opens the <c>--state</c> file for a command, turning an unusable file into one clear error line.</summary>
internal static class StateFile
{
    /// <summary>The open store, or null after writing <c>error: --state FILE: reason</c> to <paramref name="errors"/>.</summary>
    public static SqliteStateStore? TryOpen(string path, TextWriter errors)
    {
        try
        {
            return SqliteStateStore.Open(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            errors.WriteLine($"error: --state {path}: {e.Message}");
            return null;
        }
    }
}
