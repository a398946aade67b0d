const auth = 'ddp_VsE7i0YDgrOpMBTupmwybjhHWPERfs65JqKY';
