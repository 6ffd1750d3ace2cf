namespace Platform.Application.Common.UnitOfWork;

/// <summary>
/// A commit failed and the database could not be asked whether it went through. The command is not retried (it could
/// be applied twice); the caller gets 503 and may retry with the same Idempotency-Key, which is always safe.
/// </summary>
public sealed class CommitOutcomeUnknownException : Exception
{
    public CommitOutcomeUnknownException()
        : base("The commit's outcome is unknown: the database could not be reached to verify it.")
    {
    }

    public CommitOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public CommitOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
