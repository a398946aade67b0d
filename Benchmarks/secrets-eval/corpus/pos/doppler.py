auth = "dp.pt.wQv3d8h9W1LTJLoA582ftLib1wuxWammTvTo0qjtP8s"
