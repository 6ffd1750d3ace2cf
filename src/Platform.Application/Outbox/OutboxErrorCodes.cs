namespace Platform.Application.Outbox;

/// <summary>Error codes of the outbox admin feature; every code is listed in docs/errors.md.</summary>
public static class OutboxErrorCodes
{
    public const string MessageNotFound = "outbox.message_not_found";
    public const string MessageNotFailed = "outbox.message_not_failed";
}
