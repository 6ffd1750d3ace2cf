using Platform.Application.Common.Messaging;

namespace Platform.Architecture.Tests.Canaries.Requests.Things.Queries;

// Bad: missing the use-case folder.
public sealed record CountThingsQuery : IQuery<int>;
