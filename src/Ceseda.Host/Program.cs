using Ceseda.Host.Cli;

return await CesedaCommand.RunAsync(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error).ConfigureAwait(false);
