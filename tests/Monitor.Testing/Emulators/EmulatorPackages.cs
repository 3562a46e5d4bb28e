using System.Diagnostics;

namespace Monitor.Testing.Emulators;

/// <summary>The npm packages of tests/emulators, installed on first use from the committed package-lock.json.</summary>
public static class EmulatorPackages
{
    private static readonly Lock Gate = new();

    /// <summary>Returns the tests/emulators folder once its node_modules holds dynalite and s3rver.</summary>
    public static string EnsureInstalled()
    {
        var folder = Path.Combine(RepositoryFolders.Root, "tests", "emulators");
        lock (Gate)
        {
            // Test projects run in parallel processes: a lock file keeps two `npm ci` runs from colliding.
            using var lockFile = AcquireFileLock(Path.Combine(folder, ".install.lock"));
            if (Installed(folder))
            {
                return folder;
            }

            var info = new ProcessStartInfo("npm") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                info.ArgumentList.Add(argument);
            }

            using var npm = Process.Start(info) ?? throw new InvalidOperationException("npm could not be started (is Node.js installed?)");
            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            if (!npm.WaitForExit(TimeSpan.FromMinutes(5)) || npm.ExitCode != 0 || !Installed(folder))
            {
                throw new InvalidOperationException($"`npm ci` in {folder} failed: {output.Result}\n{error.Result}");
            }

            return folder;
        }
    }

    private static bool Installed(string folder) =>
        File.Exists(Path.Combine(folder, "node_modules", ".bin", "dynalite")) && File.Exists(Path.Combine(folder, "node_modules", ".bin", "s3rver"));

    private static FileStream AcquireFileLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(500);
            }
        }
    }
}
