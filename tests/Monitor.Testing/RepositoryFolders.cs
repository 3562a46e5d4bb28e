namespace Monitor.Testing;

/// <summary>Locates folders of the repository from a test's output directory, so fixtures are read in place.</summary>
public static class RepositoryFolders
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding Monitor.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A folder under <c>tests/data/</c>, e.g. <c>TestData("cloudtrail")</c>.</summary>
    public static string TestData(params string[] parts) => Path.Combine([Root, "tests", "data", .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Monitor.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Monitor.sln above {AppContext.BaseDirectory}.");
    }
}
