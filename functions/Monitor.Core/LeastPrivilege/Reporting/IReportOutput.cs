namespace Monitor.LeastPrivilege.Reporting;

/// <summary>Where the least-privilege report's files go: a folder locally, a bucket prefix deployed.</summary>
public interface IReportOutput
{
    /// <summary>Writes (or overwrites) the file <paramref name="name"/> with <paramref name="content"/>.</summary>
    Task WriteAsync(string name, string content, string contentType, CancellationToken cancellationToken);
}
