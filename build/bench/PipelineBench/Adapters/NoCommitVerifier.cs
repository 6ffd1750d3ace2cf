using Platform.Application.Common.UnitOfWork;

namespace PipelineBench.Adapters;

/// <summary>The in-memory store never loses a commit's acknowledgement, so there is nothing to verify.</summary>
internal sealed class NoCommitVerifier : ICommitVerifier
{
    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> HasCommittedAsync(CancellationToken cancellationToken) => Task.FromResult(false);
}
