namespace Platform.Application.Common.Idempotency;

/// <summary>
/// A stored idempotent response that cannot be trusted (see <see cref="StoredResponse.Read{TResponse}"/>). It is not an
/// <see cref="Errors.AppException"/>: it is a fault for an operator (tampering, corruption, instances with different
/// <c>Auth:SecretKey</c> values), answered 500 and logged as an error. Its message never holds the stored text.
/// </summary>
public sealed class StoredResponseUnreadableException : Exception
{
    public StoredResponseUnreadableException()
        : base("A stored idempotent response cannot be read.")
    {
    }

    public StoredResponseUnreadableException(string message)
        : base(message)
    {
    }

    public StoredResponseUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoredResponseUnreadableException(string operation, string reason, Exception? innerException = null)
        : base($"The stored response of an idempotent {operation} cannot be read: {reason}. The request took effect when it was stored, so it is not run again.", innerException)
    {
    }
}
