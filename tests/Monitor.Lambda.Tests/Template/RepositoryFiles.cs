using Monitor.Testing;

namespace Monitor.Lambda.Tests.Template;

/// <summary>Files of the repository, read in place.</summary>
public static class RepositoryFiles
{
    public static string PathOf(string relative) => Path.Combine(RepositoryFolders.Root, relative);
}
