const credential = '65f6a8ed8f051adc0c84de285edbc8ad-us14';
