namespace Platform.Application.Common.Messaging;

/// <summary>
/// Opts a command out of the wrapping database transaction. Only for commands whose single SaveChanges is their
/// whole unit of work (EF makes it atomic on its own) and that do slow work before it, such as checking a
/// password: holding a pooled connection and an open transaction through that work would let a burst of sign-ins
/// exhaust the pool. Such commands cannot be idempotent or audited, which need the transaction.
/// </summary>
public interface INonTransactionalCommand
{
}
