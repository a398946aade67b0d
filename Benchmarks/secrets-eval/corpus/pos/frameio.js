const auth = 'fio-u-JuxqO_vDGGJIOjmwWq1CsGX8CS4Yn3UMRZHjoe-R2PRZMv8pEAVDlvo1BpW-2-5V';
