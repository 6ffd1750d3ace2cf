using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Commands.ArchiveThing;

// Bad: not sealed.
public record ArchiveThingCommand(int Id) : ICommand<int>;
