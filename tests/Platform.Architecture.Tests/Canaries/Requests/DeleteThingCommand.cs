using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Commands.Misfiled;

// Bad: folder (namespace) does not match the name.
public sealed record DeleteThingCommand(int Id) : ICommand<int>;
