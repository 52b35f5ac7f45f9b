using Minsheng.Cli;

return await MinshengCli.RunAsync(args);
