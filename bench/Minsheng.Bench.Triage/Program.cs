using Minsheng.Bench.Triage;

// speed [--count N] [--train labelled.csv]  |  variants [--train labelled.csv] [--unlabelled a.csv ...]
// Without --train, ../shared/data/appeals/labelled_train.csv is looked up from the binary and the working directory.
var mode = args.FirstOrDefault() ?? "speed";
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var unlabelled = args.Where((a, i) => i > 0 && args[i - 1] == "--unlabelled").ToArray();
var train = Arg("--train") ?? SharedData.Find("labelled_train.csv");
if (train is null || !File.Exists(train))
{
    Console.Error.WriteLine("找不到 labelled_train.csv：请用 --train 指定路径。");
    return 1;
}
return mode == "variants" ? Variants.Run(train, unlabelled) : Speed.Run(train, int.Parse(Arg("--count") ?? "100000"));
