namespace Platform.Application.Common.Messaging;

/// <summary>Non-generic marker for commands, so behaviours can recognise them.</summary>
public interface ICommandBase
{
}
