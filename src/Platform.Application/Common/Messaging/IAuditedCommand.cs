namespace Platform.Application.Common.Messaging;

/// <summary>A command that writes one audit row in its own transaction when it succeeds.</summary>
public interface IAuditedCommand
{
    /// <summary>Dotted action name, for example <c>tickets.create</c>.</summary>
    string AuditAction { get; }

    /// <summary>Resource type, for example <c>ticket</c>.</summary>
    string AuditResourceType { get; }

    /// <summary>The resource id when the command knows it up front; otherwise the response's id is used.</summary>
    Guid? AuditResourceId => null;
}
