const auth = 'secret_eNIp0zQ0LteAEBpecbAfsegXAMsczLoXw3hsKS5wX7f';
