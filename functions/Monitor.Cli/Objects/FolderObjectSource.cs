// Placeholder until the folder object source lands from its branch.
using Monitor.Envelopes;
using Monitor.Records;

namespace Monitor.Cli.Objects;

internal sealed class FolderObjectSource(string root) : IObjectSource
{
    public Task<Stream> OpenReadAsync(ObjectRef reference, CancellationToken cancellationToken) => throw new NotImplementedException(root);
}
